Feature: Keeping accounts safe
  An account is a person's name on the newsroom: what is written and said under it
  goes out as theirs. So nobody else can take over its session, guess its password,
  flood its mailbox, pass for its person with a name that looks the same, or learn
  from the site which accounts and drafts exist. These are the checks a security
  reviewer makes first: OWASP's verification standard (ASVS) on signing in,
  sessions, access and input.

  Rule: Signing in starts a new session, and only the site's own form ends it

    Scenario: A session someone knew before Rita signed in is not her signed-in one
      Given Rita is a reader with the password "Old-Lantern-31"
      And someone has given her browser a session of their own
      When she signs in with the password "Old-Lantern-31"
      Then their session does not open her dashboard

    Scenario: A link cannot sign Rita out
      Given Rita is signed in
      When she follows a link to sign out
      Then she is still signed in

    Scenario: An image on a page of another site cannot sign Rita out
      Given Rita is signed in
      When she opens a page on another site that shows an image from the sign-out address
      Then she is still signed in

  Rule: A session lasts two weeks from signing in

    Scenario: Rita is still signed in a minute before her two weeks are up
      Given Rita is signed in
      And it is 2 weeks less a minute later
      When she opens her dashboard
      Then she sees her dashboard welcoming her as "Rita Reyes"

    Scenario: A minute after her two weeks are up, Rita is asked to sign in again
      Given Rita is signed in
      And it is 2 weeks and a minute later
      When she opens her dashboard
      Then she is asked to sign in

  Rule: Resetting a password ends every other session of its person

    Scenario: Rita's other browser is signed out when she resets her password
      Given Rita is a reader with the password "Old-Lantern-31"
      And she is signed in on another browser
      When she resets her password to "New-Lantern-77" through the emailed link
      Then her other browser no longer opens her dashboard

  Rule: The session cookie is the newsroom's alone: no script reads it, no other site's form carries it

    Scenario: No script on a page can read the session cookie
      Given Rita is a reader with the password "Old-Lantern-31"
      When she signs in with the password "Old-Lantern-31"
      Then no script on the page can read her session cookie

    Scenario: No script on a page can read the session cookie Rita keeps when she changes her password
      Given Rita is a reader with the password "Old-Lantern-31"
      When she changes her password from "Old-Lantern-31" to "New-Lantern-77"
      Then no script on the page can read her session cookie

    Scenario: No script on a page can read the session cookie Rita gets from her reset link
      Given Rita is a reader
      And she has been sent a password reset link
      When she follows the link in her reset email
      Then no script on the page can read her session cookie

    Scenario: A form sent from a page on another domain arrives without Rita's session
      Given Alice has published "Spring fair"
      And Rita is signed in
      When she opens a page on another domain that comments "Cheap watches at watches.example" on "Spring fair"
      Then the newsroom answers as it answers a visitor

    Scenario: A form sent from a page on another domain arrives without the session Rita keeps when she changes her password
      Given Alice has published "Spring fair"
      And Rita is a reader with the password "Old-Lantern-31"
      And she has changed her password from "Old-Lantern-31" to "New-Lantern-77"
      When she opens a page on another domain that comments "Cheap watches at watches.example" on "Spring fair"
      Then the newsroom answers as it answers a visitor

  Rule: A password is never shown, never in an address or an email, and matches only as typed

    Scenario Outline: On <page> a password hides as it is typed
      When <who> opens <page>
      Then <fields> hide what is typed

      Examples:
        | who       | page                            | fields                                                      |
        | a visitor | the sign-in page                | "Password"                                                  |
        | Nina      | the registration page           | "Password" and "Password confirmation"                      |
        | Rita      | the page to change her password | "Old password", "New password" and "New password confirmation" |

    Scenario: Signing in puts the password in no address
      Given Rita is a reader with the password "Old-Lantern-31"
      When she signs in with the password "Old-Lantern-31"
      Then the address she is at does not hold "Old-Lantern-31"

    Scenario: The welcome email does not hold the password
      When Nina registers as "nina" with the email "nina@example.com" and the passwords "Tulip-Garden-42" and "Tulip-Garden-42"
      Then she sees her dashboard welcoming her as "nina"
      And "nina@example.com" receives one email, "Welcome to Our Site!"
      And the email does not hold "Tulip-Garden-42"

    Scenario Outline: A password typed <how> is refused
      Given Rita is a reader with the password "Old-Lantern-31"
      When she signs in with the password "<typed>"
      Then she is told "Please enter a correct username and password."
      And she is not signed in

      Examples:
        | how               | typed          |
        | in small letters  | old-lantern-31 |
        | with Caps Lock on | oLD-lANTERN-31 |

  Rule: Changing a password takes the old one, and only the new one opens the account after

    Scenario: Rita changes her password from her dashboard, and only the new one signs her in
      Given Rita is a reader with the password "Old-Lantern-31"
      When she changes her password from "Old-Lantern-31" to "New-Lantern-77"
      Then she is on the page headed "Password changed", told "Your new password is set."
      And she is still signed in
      And she can sign in with "New-Lantern-77"
      And she can no longer sign in with "Old-Lantern-31"

    Scenario: A changed password is told on a page of its own, so that reloading it changes nothing again
      Given Rita is a reader with the password "Old-Lantern-31"
      When she changes her password from "Old-Lantern-31" to "New-Lantern-77"
      Then she lands on the page that says her password is changed

  Rule: Wrong passwords again and again lock signing in with that username for a while, and reset emails are few

    Scenario Outline: Five wrong passwords for <whose> lock it, in the same words
      Given Rita is a reader with the password "Old-Lantern-31"
      When someone tries 5 wrong passwords for the username "<username>"
      Then they are told "Too many wrong passwords for this username: signing in with it is locked for 15 minutes."

      Examples:
        | whose                 | username |
        | Rita's username       | rita     |
        | a username nobody has | nobody   |

    Scenario: Once locked, even Rita's right password waits
      Given Rita is a reader with the password "Old-Lantern-31"
      And someone has tried 5 wrong passwords for the username "rita"
      When she signs in with the password "Old-Lantern-31"
      Then she is told "Too many wrong passwords for this username"
      And she is not signed in

    Scenario: A lock still holds a minute before its fifteen minutes are up
      Given Rita is a reader with the password "Old-Lantern-31"
      And someone has tried 5 wrong passwords for the username "rita"
      And it is 14 minutes later
      When she signs in with the password "Old-Lantern-31"
      Then she is told "Too many wrong passwords for this username"
      And she is not signed in

    Scenario: A minute after its fifteen minutes are up, the lock is gone
      Given Rita is a reader with the password "Old-Lantern-31"
      And someone has tried 5 wrong passwords for the username "rita"
      And it is 16 minutes later
      When she signs in with the password "Old-Lantern-31"
      Then she sees her dashboard welcoming her as "Rita Reyes"

    Scenario: A lock on Rita's username leaves everyone else's free
      Given Rita is a reader with the password "Old-Lantern-31"
      And Alice is an author with the password "Tulip-Garden-42"
      When someone tries 5 wrong passwords for the username "rita"
      Then Alice can still sign in with "Tulip-Garden-42"

    Scenario: Signing in with the right password starts the count of wrong ones again
      Given Rita is a reader with the password "Old-Lantern-31"
      And someone has tried 4 wrong passwords for the username "rita"
      When Rita signs in with the password "Old-Lantern-31"
      And someone tries 4 wrong passwords for the username "rita"
      Then Rita can still sign in with "Old-Lantern-31"

    Scenario: A flood of reset requests sends Rita three emails, however her address is written
      Given Rita is a reader
      When someone asks for a password reset for "rita@example.com", "Rita@example.com", "RITA@EXAMPLE.COM", "rita@Example.com" and "Rita@Example.COM"
      Then they are told "Check your email"
      And "rita@example.com" receives 3 emails, each "Reset your Newsroom password"

    Scenario: A minute before the hour is up, a fourth reset request sends Rita nothing
      Given Rita is a reader
      And someone has asked for a password reset for "rita@example.com", "rita@example.com" and "rita@example.com"
      And it is an hour less a minute later
      When someone asks for a password reset for "rita@example.com"
      Then "rita@example.com" receives 3 emails, each "Reset your Newsroom password"

    Scenario: An hour and a minute after the first reset request, Rita can be sent another
      Given Rita is a reader
      And someone has asked for a password reset for "rita@example.com", "rita@example.com" and "rita@example.com"
      And it is an hour and a minute later
      When someone asks for a password reset for "rita@example.com"
      Then "rita@example.com" receives 4 emails, each "Reset your Newsroom password"

  Rule: The sign-in page sends people on only within the newsroom

    Scenario Outline: Signing in through a link that names <where> lands Rita on her dashboard
      Given Rita is a reader with the password "Old-Lantern-31"
      When she signs in through a link that leads on to "<address>"
      Then she sees her dashboard welcoming her as "Rita Reyes"

      Examples:
        | where                                    | address                           |
        | another site named without its scheme    | //newsroom.example.net/           |
        | another site named after a backslash     | /\\newsroom.example.net/          |
        | a script                                 | javascript:alert(document.cookie) |

    Scenario: Signing in through a link to a page of the newsroom lands Rita there
      Given Rita is a reader with the password "Old-Lantern-31"
      When she signs in through a link that leads on to "/write/"
      Then she lands on the page to write an article

  Rule: A draft is not there at any of its addresses for someone who may not see it

    Scenario Outline: Rita finds nothing when she tries to <do what> Alice's draft by hand
      Given Alice has written a draft called "Spring fair"
      When Rita <sends>
      Then she finds no article there
      And Alice still sees "Spring fair" as a draft on her dashboard

      Examples:
        | do what    | sends                                                              |
        | change     | sends the text "Mine now" for "Spring fair" without the form       |
        | delete     | sends a request to delete "Spring fair" without the form           |
        | comment on | sends the comment "First!" on "Spring fair" without the form       |

    Scenario Outline: Rita finds nothing at Alice's draft's address with <what> added
      Given Alice has written a draft called "Spring fair"
      When Rita opens the address "<address>"
      Then she finds no article there

      Examples:
        | what                 | address                                |
        | a query              | /articles/spring-fair/?preview=1       |
        | a page number        | /articles/spring-fair/?page=2          |
        | no closing slash     | /articles/spring-fair                  |
        | a query, to edit it  | /articles/spring-fair/edit/?next=/     |
        | a query, to delete it | /articles/spring-fair/delete/?confirm=1 |

  Rule: A password is strong wherever it is set: registering, resetting, changing

    Scenario Outline: Registering with a password <what> is refused
      When Nina registers as "nina" with the email "nina@example.com" and the passwords "<password>" and "<password>"
      Then she is told "<error>"
      And no account "nina" can sign in with "<password>"

      Examples:
        | what                      | password     | error                                                              |
        | that is common            | password123  | This password is too common.                                       |
        | that is short             | Tu-7         | This password is too short. It must contain at least 8 characters. |
        | of digits alone           | 4815162342   | This password is entirely numeric.                                 |
        | like her email address    | nina@example | The password is too similar to the email address.                  |

    Scenario Outline: A new password <what> chosen through the emailed link is refused
      Given Rita is a reader with the password "Old-Lantern-31"
      And she has been sent a password reset link
      When she follows the link and chooses "<password>" confirmed as "<password>"
      Then she is told "<error>"
      And she can still sign in with "Old-Lantern-31"

      Examples:
        | what                      | password     | error                                                              |
        | that is common            | password123  | This password is too common.                                       |
        | that is short             | Tu-7         | This password is too short. It must contain at least 8 characters. |
        | of digits alone           | 4815162342   | This password is entirely numeric.                                 |
        | like her email address    | rita@example | The password is too similar to the email address.                  |

    Scenario Outline: Changing to a password <what> is refused
      Given Rita is a reader with the password "Old-Lantern-31"
      When she changes her password from "Old-Lantern-31" to "<password>"
      Then she is told "<error>"
      And she can still sign in with "Old-Lantern-31"

      Examples:
        | what                      | password     | error                                                              |
        | that is common            | password123  | This password is too common.                                       |
        | that is short             | Tu-7         | This password is too short. It must contain at least 8 characters. |
        | of digits alone           | 4815162342   | This password is entirely numeric.                                 |
        | like her email address    | rita@example | The password is too similar to the email address.                  |

  Rule: A page that refuses says why, and shows nothing else

    Scenario: The page of a lock shows no form and nothing of the account
      Given Rita is a reader with the password "Old-Lantern-31"
      And someone has tried 5 wrong passwords for the username "rita"
      When she signs in with the password "Old-Lantern-31"
      Then she sees a page that reads, and nothing else:
        | line                                                                                                                |
        | Sign in                                                                                                             |
        | Too many wrong passwords for this username: signing in with it is locked for 15 minutes. Wait, or reset your password. |
        | Forgotten your password?                                                                                            |

    Scenario: A spent reset link shows no form and nothing of the account
      Given Rita has reset her password through the emailed link
      When she follows the same link again
      Then she sees a page that reads, and nothing else:
        | line                                                                                       |
        | This link no longer works                                                                  |
        | Password-reset links work once, and only for a few days. Ask for a new one.                |

  Rule: A person's email address is theirs alone: no page that names them shows it to anyone else

    Scenario Outline: Alice's email address is nowhere on <page>, where her name shows
      Given Alice has published "Spring fair"
      And she has commented "See you there." on "Spring fair"
      And she has written a draft called "Harbour news"
      When <who> opens <page>
      Then <who> sees Alice's name there, and her email address nowhere in the page

      Examples:
        | page           | who       |
        | the front page | a visitor |
        | "Spring fair"  | a visitor |
        | his dashboard  | Eddie     |
