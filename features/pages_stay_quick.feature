@budget
Feature: Pages stay quick however much there is
  A page that asks the database once more for every article or comment it lists
  gets slower with every one, and the newsroom only grows. So each page and each
  form has a budget of database queries that it keeps whether it lists three
  articles or forty-five, on its first page or its third.

  Rule: The front page takes at most 4 queries, however many articles there are

    Scenario Outline: The front page with <count> articles, page <number>
      Given Alice has published <count> articles, "Day 1" to "Day <count>", one a day
      When Rita opens page <number> of the front page
      Then the page took at most 4 queries

      Examples:
        | count | number |
        | 3     | 1      |
        | 45    | 1      |
        | 45    | 3      |

  Rule: An article's page takes at most 6 queries, however many comments it has

    Scenario Outline: An article with <count> comments
      Given Alice has published "Spring fair"
      And Eddie has commented <count> times on "Spring fair"
      When Rita opens "Spring fair"
      Then the page took at most 6 queries

      Examples:
        | count |
        | 3     |
        | 45    |

  Rule: A dashboard takes at most 6 queries, however many articles and drafts it lists

    Scenario Outline: An editor's dashboard with <count> drafts waiting and <count> of his own
      Given Alice has written <count> drafts
      And Eddie has published <count> articles, "Day 1" to "Day <count>", one a day
      When Eddie opens his dashboard
      Then the page took at most 6 queries

      Examples:
        | count |
        | 3     |
        | 45    |

  Rule: Every other page takes a few queries: it lists nothing that grows

    Scenario Outline: <page> takes at most <budget> queries
      Given Alice has published "Spring fair"
      When <who> opens <page>
      Then the page took at most <budget> queries

      Examples:
        | who       | page                             | budget |
        | a visitor | the sign-in page                 | 0      |
        | a visitor | the registration page            | 0      |
        | a visitor | the password reset page          | 0      |
        | Alice     | the page to write an article     | 2      |
        | Alice     | the page to edit "Spring fair"   | 5      |
        | Alice     | the page to delete "Spring fair" | 5      |
        | Rita      | the page to change her password  | 2      |

    Scenario: The page to choose a new password takes at most 2 queries
      Given Rita is a reader
      And she has been sent a password reset link
      When she follows the link in the email
      Then the page took at most 2 queries

  Rule: Every form takes a few queries to send, and so does the page it leads to

    Scenario: Writing an article takes at most 8 queries
      Given Alice is an author
      When she writes and publishes an article called "Spring fair"
      Then sending the form took at most 8 queries

    Scenario: Changing an article takes at most 9 queries
      Given Alice has published "Spring fair"
      When she changes the text of "Spring fair" to "Now with a duck race."
      Then sending the form took at most 9 queries

    Scenario: Publishing a draft takes at most 9 queries
      Given Alice has written a draft called "Spring fair"
      When Eddie publishes "Spring fair"
      Then sending the form took at most 9 queries

    Scenario Outline: Deleting an article with <count> comments takes at most 10 queries
      Given Alice has published "Spring fair"
      And Rita has commented <count> times on "Spring fair"
      When Alice deletes "Spring fair"
      Then sending the form took at most 10 queries

      Examples:
        | count |
        | 3     |
        | 45    |

    Scenario Outline: Commenting on an article with <count> comments takes at most 7 queries
      Given Alice has published "Spring fair"
      And Eddie has commented <count> times on "Spring fair"
      When Rita comments "Is there parking?" on "Spring fair"
      Then sending the form took at most 7 queries

      Examples:
        | count |
        | 3     |
        | 45    |

    Scenario: Registering takes at most 15 queries
      When Nina registers as "nina" with the email "nina@example.com"
      Then sending the form took at most 15 queries

    Scenario: Signing in takes at most 13 queries
      Given Rita is a reader with the password "Old-Lantern-31"
      When she signs in with the password "Old-Lantern-31"
      Then sending the form took at most 13 queries

    Scenario: Signing out takes at most 6 queries
      Given Rita is signed in
      When she signs out
      Then sending the form took at most 6 queries
      And the page it led to took at most 3 queries

    Scenario: Asking for a password reset takes at most 1 query
      Given Rita is a reader
      When she asks for a password reset for "rita@example.com"
      Then sending the form took at most 1 query
      And the page it led to took at most 0 queries

    Scenario: Choosing a new password through the emailed link takes at most 6 queries
      Given Rita is a reader
      And she has been sent a password reset link
      When she follows the link in the email to choose the new password "New-Lantern-77"
      Then sending the form took at most 6 queries
      And the page it led to took at most 1 query

    Scenario: Changing a password takes at most 12 queries
      Given Rita is a reader with the password "Old-Lantern-31"
      When she changes her password from "Old-Lantern-31" to "New-Lantern-77"
      Then sending the form took at most 12 queries
      And the page it led to took at most 2 queries
