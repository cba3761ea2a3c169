Feature: Pages on other sites cannot act for the newsroom's people
  A person may open a page on another site that quietly sends one of the
  newsroom's forms: to publish, change or delete an article or to comment while
  they are signed in here, or to sign them in to an account of someone else's
  choosing; or a page that shows the newsroom in a frame under something that
  invites a click. The newsroom takes a form only from its own pages and refuses
  to be framed, so no page elsewhere can do anything in a person's name.

  Rule: The newsroom's pages never show inside a page on another site

    Scenario Outline: A page on another site cannot show <page> to trick a click on it
      Given Alice has written a draft called "Spring fair"
      When she opens a page on another site that shows <page> in a frame
      Then she sees nothing of the newsroom inside the page on another site

      Examples:
        | page                             |
        | the front page                   |
        | "Spring fair"                    |
        | the page to edit "Spring fair"   |
        | the page to delete "Spring fair" |
        | the page to write an article     |
        | her dashboard                    |
        | the sign-in page                 |
        | the registration page            |
        | the password reset page          |

  Rule: Only the newsroom's own pages send its forms

    Scenario: A page on another site cannot publish a draft through an editor
      Given Alice has written a draft called "Spring fair"
      When Eddie opens a page on another site that publishes "Spring fair"
      Then he is told "Nothing was changed."
      And readers cannot read "Spring fair"

    Scenario: A page on another site cannot change an author's article through her
      Given Alice has published "Harbour news" that says "The ferry leaves at nine."
      When she opens a page on another site that changes the text of "Harbour news" to "The ferry is cancelled."
      Then she is told "Nothing was changed."
      And Rita reads "The ferry leaves at nine." in "Harbour news"

    Scenario: A page on another site cannot delete an author's article through her
      Given Alice has published "Harbour news"
      When she opens a page on another site that deletes "Harbour news"
      Then she is told "Nothing was changed."
      And readers can read "Harbour news"

    Scenario: A page on another site cannot sign a visitor in to someone else's account
      Given Eddie is an editor
      When a visitor opens a page on another site that signs in as Eddie
      Then they are told "Nothing was changed."
      And they are not signed in

    Scenario: A page on another site cannot comment in a reader's name
      Given Alice has published "Spring fair"
      When Rita opens a page on another site that comments "Cheap watches at watches.example" on "Spring fair"
      Then she is told "Nothing was changed."
      And "Spring fair" has no comments

    Scenario Outline: A page on another site cannot make <who> <do what>
      Given Alice is an author
      When <who> opens a page on another site that sends the form to <do what>
      Then <who> is told "Nothing was changed."
      And <nothing changed>

      Examples:
        | who       | do what                                          | nothing changed                                      |
        | Alice     | write an article called "Lost cat"               | she does not see "Lost cat" on her dashboard         |
        | a visitor | register as "nina"                               | no account "nina" can sign in with "Tulip-Garden-42" |
        | a visitor | ask for a password reset for "alice@example.com" | no email is sent                                     |
        | Alice     | sign out                                         | she is still signed in                               |

  Rule: A link changes nothing: only the newsroom's own forms do

    Scenario Outline: A link followed by <who> cannot <do what>
      Given Alice has written a draft called "Spring fair"
      And she has published "Harbour news"
      When <who> follows a link to <do what>
      Then <who> is told "Nothing was changed."
      And <nothing changed>

      Examples:
        | who   | do what                   | nothing changed                   |
        | Eddie | publish "Spring fair"     | readers cannot read "Spring fair" |
        | Rita  | comment on "Harbour news" | "Harbour news" has no comments    |
        | Rita  | sign out                  | she is still signed in            |

  Rule: Every page keeps to the newsroom, and no cache hands one person's page to another

    Scenario Outline: <page> keeps to the newsroom, and <cache>
      Given Alice has written a draft called "Spring fair"
      When she opens <page>
      Then the browser is told to keep the page from other sites
      And <cache>

      Examples:
        | page                                             | cache                                   |
        | the front page                                   | no cache shares the page between people |
        | "Spring fair"                                    | no cache shares the page between people |
        | the page to edit "Spring fair"                   | no cache shares the page between people |
        | the page to delete "Spring fair"                 | no cache shares the page between people |
        | the address that publishes "Spring fair"         | no cache shares the page between people |
        | the address that takes comments on "Spring fair" | no cache shares the page between people |
        | the page to write an article                     | no cache shares the page between people |
        | her dashboard                                    | no cache shares the page between people |
        | the page to change her password                  | no cache shares the page between people |
        | the page that says her password is changed       | no cache shares the page between people |
        | the registration page                            | no cache shares the page between people |
        | the password reset page                          | no cache shares the page between people |
        | the page that says a reset email is on its way   | no cache shares the page between people |
        | the page that says a new password is set         | no cache shares the page between people |
        | the sign-in page                                 | no cache keeps the page at all          |
        | the address that signs her out                   | no cache keeps the page at all          |

    Scenario: The page to choose a new password keeps to the newsroom, and no cache keeps it
      Given Rita has been sent a password reset link
      When she follows the link in her reset email
      Then the browser is told to keep the page from other sites
      And no cache keeps the page at all
