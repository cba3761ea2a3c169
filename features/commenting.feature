Feature: Commenting on articles
  Readers talk about what they read. Anyone with an account may comment on a
  published article; each comment shows who wrote it, and a comment can never
  run code in another reader's browser.

  Background:
    Given the newsroom has these articles:
      | title       | author | status    |
      | Spring fair | Alice  | Published |
      | Ferry times | Alice  | Published |
    And Rita is a reader

  Rule: Signed-in readers comment on published articles

    Scenario: A reader's comment appears under the article with her name
      When Rita comments "Can't wait for the duck race!" on "Spring fair"
      Then she is on the page of "Spring fair", told "Your comment is added."
      And she sees the comment "Can't wait for the duck race!" by Rita Reyes under "Spring fair"
      And "Ferry times" has no comments

    Scenario Outline: A comment of <what> is a comment like any other
      When Rita comments "<typed>" on "Spring fair"
      Then she sees the comment "<typed>" by Rita Reyes under "Spring fair"

      Examples:
        | what              | typed  |
        | one word          | Lovely |
        | a symbol alone    | ★      |
        | punctuation alone | ?!     |

    Scenario: Comments show under their article, oldest first, each once
      Given Eddie has commented "Is there parking?" on "Spring fair"
      And Alice has commented "The ferry is full." on "Ferry times"
      When Rita comments "Bring a bike." on "Spring fair"
      Then the comments under "Spring fair" read, oldest first:
        | by          | comment           |
        | Eddie Evans | Is there parking? |
        | Rita Reyes  | Bring a bike.     |
      And the comments under "Ferry times" read, oldest first:
        | by           | comment            |
        | Alice Archer | The ferry is full. |

    Scenario Outline: A comment <of what> is refused
      When Rita comments <typed> on "Spring fair"
      Then she is told "A comment cannot be empty.", and nothing else
      And "Spring fair" has no comments

      Examples:
        | of what                                    | typed                                             |
        | with no text                               | ""                                                |
        | of only spaces                             | "   "                                             |
        | of only a zero-width space                 | "\N{ZERO WIDTH SPACE}"                            |
        | of only a blank braille pattern and spaces | " \N{BRAILLE PATTERN BLANK}\N{IDEOGRAPHIC SPACE}" |

    Scenario: A comment shows who sent it, whatever name the request gives
      When Rita sends the comment "Great piece!" on "Spring fair" as Alice without the form
      Then the comments under "Spring fair" read, oldest first:
        | by         | comment      |
        | Rita Reyes | Great piece! |

    Scenario: Nobody comments on a draft, not even by hand
      Given Alice has written a draft called "Harbour news"
      And Rita has sent the comment "First!" on "Harbour news" without the form
      When Eddie publishes "Harbour news"
      Then "Harbour news" has no comments

  Rule: A comment shows as the text that was typed

    Scenario: HTML in a comment shows as plain text
      When Rita comments "<b>Bold</b> <script>document.title = 'hacked'</script>" on "Spring fair"
      Then she sees the comment "<b>Bold</b> <script>document.title = 'hacked'</script>" by Rita Reyes under "Spring fair"

    @browser
    Scenario: A comment's line breaks show on screen
      When Rita comments on "Spring fair":
        """
        Is there parking?
        Bring a bike.
        """
      Then she sees the comment "Is there parking?" above "Bring a bike." in one comment under "Spring fair"

  Rule: Commenting needs an account

    Scenario: A visitor is asked to sign in to comment
      When a visitor reads "Spring fair"
      Then they are offered "Sign in to comment" instead of a comment form

    Scenario: A visitor who signs in to comment comes back to the article
      When a visitor follows "Sign in to comment" on "Spring fair"
      And Rita signs in there
      Then she is on the page of "Spring fair", with a form to comment

    Scenario: A visitor's comment sent without the form is refused
      When a visitor sends the comment "Hello from nowhere" on "Spring fair" without the form
      Then they are asked to sign in
      And "Spring fair" has no comments
