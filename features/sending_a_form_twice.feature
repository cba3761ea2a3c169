Feature: A form sent twice counts once
  People double-click a button, and refresh the page a form led to. Either way the
  site receives the form twice: the newsroom still makes one article, one comment,
  one account and one email of it, and shows the person the page the form leads to.

  Rule: Articles and comments sent twice are made, changed or deleted once

    Scenario Outline: An article published <sent> is published once
      Given Alice is an author
      When she writes and publishes an article called "Spring fair" <how>
      Then she is on the page of "Spring fair"
      And Rita sees "Spring fair" on the front page
      And Alice sees on her dashboard:
        | title       | status    |
        | Spring fair | Published |

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |

    Scenario Outline: A comment sent <sent> is added once
      Given Alice has published "Spring fair"
      When Rita comments "Is there parking?" on "Spring fair" <how>
      Then she is on the page of "Spring fair"
      And the comments under "Spring fair" read, oldest first:
        | by         | comment           |
        | Rita Reyes | Is there parking? |

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |

    Scenario Outline: An article changed <sent> is changed once
      Given Alice has published "Harbour news" that says "The ferry leaves at nine."
      When she changes the text of "Harbour news" to "The ferry leaves at ten." <how>
      Then she is on the page of "Harbour news"
      And Rita reads "The ferry leaves at ten." in "Harbour news"

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |

    Scenario Outline: A draft published <sent> by an editor is published once
      Given Alice has written a draft called "Spring fair"
      When Eddie publishes "Spring fair" <how>
      Then he is on the page of "Spring fair"
      And Rita sees "Spring fair" on the front page

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |

    Scenario Outline: An article deleted <sent> is deleted, and its author lands on her dashboard
      Given Alice has published "Spring fair"
      And she has published "Harbour news"
      When she deletes "Harbour news" <how>
      Then she is on her dashboard
      And the front page lists, newest first:
        | title       | byline                 |
        | Spring fair | By Alice Archer, today |

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |

  Rule: Accounts and passwords sent twice make one account, one email, one change

    Scenario Outline: Registering <sent> opens one account and sends one welcome email
      When Nina registers as "nina" with the email "nina@example.com" <how>
      Then she sees her dashboard welcoming her as "nina"
      And "nina@example.com" receives one email, "Welcome to Our Site!"

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |

    Scenario Outline: Signing in <sent> lands Rita on her dashboard
      Given Rita is a reader with the password "Old-Lantern-31"
      When she signs in with the password "Old-Lantern-31" <how>
      Then she sees her dashboard welcoming her as "Rita Reyes"

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |

    Scenario Outline: Signing out <sent> signs Rita out
      Given Rita is signed in
      When she signs out <how>
      Then she is told "You are signed out."
      And she is not signed in

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |

    Scenario Outline: A password reset asked for <sent> sends one email
      Given Rita is a reader
      When she asks for a password reset for "rita@example.com" <how>
      Then she is told "Check your email"
      And "rita@example.com" receives one email, "Reset your Newsroom password"

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |

    Scenario Outline: A new password chosen through the emailed link <sent> is set
      Given Rita is a reader with the password "Old-Lantern-31"
      And she has been sent a password reset link
      When she follows the link in the email to choose the new password "New-Lantern-77" <how>
      Then she is on the page headed "Password changed", told "Your new password is set."
      And she can sign in with "New-Lantern-77"

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |

    Scenario Outline: A password changed <sent> is changed once
      Given Rita is a reader with the password "Old-Lantern-31"
      When she changes her password from "Old-Lantern-31" to "New-Lantern-77" <how>
      Then she can sign in with "New-Lantern-77"
      And she can no longer sign in with "Old-Lantern-31"

      Examples:
        | sent               | how                    |
        | by a double click  | with a double click    |
        | and then refreshed | and refreshes the page |
