Feature: Moderating in the administration
  Staff keep the conversation civil and find articles fast in the administration that
  Django gives the newsroom. A reader's comment is gone only once staff have confirmed
  which comments go, so a slip of the mouse removes nobody's words.

  Background:
    Given the newsroom has these articles:
      | title       | author | status    |
      | Spring fair | Alice  | Published |
      | Ferry times | Alice  | Published |
      | Budget cuts | Alice  | Draft     |
    And Eddie is on the newsroom's staff

  Rule: Staff find articles by their words and by their status

    Scenario: Staff find an article by a word of its title
      When Eddie searches the articles in the administration for "ferry"
      Then he sees these articles listed in the administration:
        | title       |
        | Ferry times |

    Scenario: Staff list the drafts alone
      When Eddie lists the drafts in the administration
      Then he sees these articles listed in the administration:
        | title       |
        | Budget cuts |

  Rule: Comments go only once staff have confirmed which

    Scenario: Staff choosing comments to delete are asked to confirm them first
      Given Rita has commented "Buy cheap watches!" on "Spring fair"
      And Alice has commented "See you there." on "Spring fair"
      When Eddie chooses to delete the comment "Buy cheap watches!" in the administration
      Then he is asked to confirm deleting Rita's comment on "Spring fair", and no other
      And the comments under "Spring fair" read, oldest first:
        | by           | comment            |
        | Rita Reyes   | Buy cheap watches! |
        | Alice Archer | See you there.     |

    Scenario: Staff delete several comments at once, once confirmed
      Given Rita has commented "Buy cheap watches!" on "Spring fair"
      And Rita has commented "Win a prize!" on "Ferry times"
      And Alice has commented "See you there." on "Spring fair"
      When Eddie deletes the comments "Buy cheap watches!" and "Win a prize!" in the administration
      Then he is back at the comments in the administration, told "Successfully deleted 2 comments."
      And the comments under "Spring fair" read, oldest first:
        | by           | comment        |
        | Alice Archer | See you there. |
      And "Ferry times" has no comments

    Scenario: Staff delete one comment from its article's page
      Given Rita has commented "Buy cheap watches!" on "Spring fair"
      And Alice has commented "See you there." on "Spring fair"
      When Eddie deletes the comment "Buy cheap watches!" from "Spring fair" in the administration
      Then he is back at the articles in the administration, told "The article “Spring fair” was changed successfully."
      And the comments under "Spring fair" read, oldest first:
        | by           | comment        |
        | Alice Archer | See you there. |
