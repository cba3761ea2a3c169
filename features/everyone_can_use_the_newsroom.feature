@browser @accessibility
Feature: Everyone can use the newsroom
  Some people use a keyboard and no mouse; some hear the page through a screen
  reader. The newsroom works for them as it does for everyone: every page can be
  used with the keyboard alone, in the order it reads, and says out loud what it
  is, what each field is for and what went wrong. A real browser presses the
  keys and computes what a screen reader announces.

  Background:
    Given Alice has published "Spring fair" that says "Stalls open at ten."
    And Rita is a reader with the password "Old-Lantern-31"

  Rule: Every page can be used with the keyboard alone

    Scenario: The first Tab on a page offers to skip past the menu
      When a visitor skips to the content of the front page
      Then they reach "Spring fair" with the next Tab

    Scenario: A reader reads an article with the keyboard alone
      When Rita reads "Spring fair" using the keyboard alone
      Then she is reading "Spring fair"

    Scenario: An author writes and publishes an article with the keyboard alone
      When Alice writes and publishes an article called "Harbour news" using the keyboard alone
      Then she is told "“Harbour news” is published."

    Scenario: A reader comments with the keyboard alone
      When Rita comments "Can't wait for the duck race!" on "Spring fair" using the keyboard alone
      Then she sees the comment "Can't wait for the duck race!" by Rita Reyes under "Spring fair"

    Scenario: A newcomer registers with the keyboard alone
      When Nina registers as "nina" with the email "nina@example.com" using the keyboard alone
      Then she sees her dashboard welcoming her as "nina"

    Scenario: A reader signs in with the keyboard alone
      When Rita signs in with the password "Old-Lantern-31" using the keyboard alone
      Then she sees her dashboard welcoming her as "Rita Reyes"

    Scenario: A reader resets her password with the keyboard alone
      When Rita asks for a password reset for "rita@example.com" using the keyboard alone
      Then she is told "Check your email"
      When she follows the link in the email to choose the new password "New-Lantern-77" using the keyboard alone
      Then she can sign in with "New-Lantern-77"

    Scenario Outline: On <page> the keyboard's focus shows, in the order the page is drawn
      When <who> opens <page>
      Then every field, link and button on it shows a ring when the keyboard reaches it
      And the keyboard reaches its fields, links and buttons in the order they are drawn

      Examples:
        | who       | page                             |
        | a visitor | the front page                   |
        | Rita      | "Spring fair"                    |
        | a visitor | the sign-in page                 |
        | a visitor | the registration page            |
        | a visitor | the password reset page          |
        | Alice     | the page to write an article     |
        | Alice     | the page to edit "Spring fair"   |
        | Alice     | the page to delete "Spring fair" |
        | Rita      | her dashboard                    |
        | Rita      | the page to change her password  |

  Rule: A screen reader announces what each page is and names every field on it

    Scenario Outline: <page> is announced by its title and one main heading
      When <who> opens <page>
      Then a screen reader announces the page as "<title>", headed "<heading>"
      And a screen reader announces every field and button on it by its name

      Examples:
        | who       | page                         | title                          | heading               |
        | a visitor | the front page               | Latest news · Newsroom         | Latest news           |
        | Rita      | "Spring fair"                | Spring fair · Newsroom         | Spring fair           |
        | a visitor | the sign-in page             | Sign in · Newsroom             | Sign in               |
        | a visitor | the registration page        | Register · Newsroom            | Register              |
        | a visitor | the password reset page      | Reset your password · Newsroom | Reset your password   |
        | Alice     | the page to write an article | Write an article · Newsroom    | Write an article      |
        | Alice     | the page to edit "Spring fair"   | Edit “Spring fair” · Newsroom   | Edit “Spring fair”     |
        | Alice     | the page to delete "Spring fair" | Delete “Spring fair” · Newsroom | Delete “Spring fair”?  |
        | Rita      | her dashboard                    | Dashboard · Newsroom            | Welcome, Rita Reyes    |
        | Rita      | the page to change her password  | Change your password · Newsroom | Change your password   |

    Scenario Outline: A title with HTML in it is announced as typed on <which>
      Given Alice has written a draft called "Fish &amp; <b>chips</b>"
      When Alice opens <page>
      Then a screen reader announces the page as "<title>", headed "<heading>"

      Examples:
        | which               | page                                       | title                                    | heading                        |
        | its page            | "Fish &amp; <b>chips</b>"                  | Fish &amp; <b>chips</b> · Newsroom        | Fish &amp; <b>chips</b>         |
        | the page to edit it | the page to edit "Fish &amp; <b>chips</b>"   | Edit “Fish &amp; <b>chips</b>” · Newsroom   | Edit “Fish &amp; <b>chips</b>”   |
        | the page to delete it | the page to delete "Fish &amp; <b>chips</b>" | Delete “Fish &amp; <b>chips</b>” · Newsroom | Delete “Fish &amp; <b>chips</b>”? |

    Scenario: The menu and the front page's pages are announced as two navigations, each by its name
      Given Alice has published 21 articles, "Day 1" to "Day 21", one a day
      When a visitor opens the front page
      Then a screen reader finds the navigations "Main" and "Pages"

    Scenario: The choices of an article's status are announced as one group, with its help
      When Alice opens the page to write an article
      Then a screen reader announces the choices "Draft" and "Published" as the group "Status", with "Readers see an article once it is published."

    Scenario: Help with a field is announced with the field
      When Nina opens the registration page
      Then a screen reader announces "We send a welcome email here" with the field "Email"
      And a screen reader announces "Your password can’t be too similar to your other personal information." with the field "Password"

  Rule: A screen reader says what went wrong, at the field that is wrong

    Scenario: A refused email address is announced with its field
      When Nina registers as "nina" with the email "nina-at-example" and the passwords "Tulip-Garden-42" and "Tulip-Garden-42"
      Then a screen reader announces the field "Email" as invalid, with "Enter a valid email address."

    Scenario: An empty comment is announced with the comment field
      When Rita comments "" on "Spring fair"
      Then a screen reader announces the field "Your comment" as invalid, with "A comment cannot be empty."
      And a screen reader announces "A comment cannot be empty." as soon as the page opens

    Scenario: A wrong password is announced as soon as the page opens
      When Rita signs in with the password "Old-Lantern-13"
      Then a screen reader announces "Please enter a correct username and password." as soon as the page opens

    Scenario: A lock on signing in is announced as soon as the page opens
      Given someone has tried 5 wrong passwords for the username "rita"
      When Rita signs in with the password "Old-Lantern-31"
      Then a screen reader announces "Too many wrong passwords for this username" as soon as the page opens
