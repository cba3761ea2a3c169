Feature: Publishing articles
  Authors write articles as drafts, and readers see an article only once it is
  published. Editors decide what goes out, so a draft never reaches readers by
  accident, and nobody publishes someone else's work without the right to.

  Background:
    Given Rita is a reader
    And Alice is an author
    And Eddie is an editor

  Rule: A draft stays hidden from readers until it is published

    Scenario: A new draft is hidden from readers
      When Alice writes a draft called "Spring fair"
      Then she is on the page of "Spring fair", told "“Spring fair” is saved as a draft."
      And Rita does not see "Spring fair" on the front page
      And Rita cannot open "Spring fair"

    Scenario: An editor publishes a draft and readers can read it
      Given Alice has written a draft called "Spring fair" that says "Stalls open at ten."
      When Eddie publishes "Spring fair"
      Then he is on the page of "Spring fair", told "“Spring fair” is published."
      And Rita sees "Spring fair" on the front page
      And Rita reads "Spring fair" at "/articles/spring-fair/", by Alice Archer, published today, saying "Stalls open at ten."
      And Alice sees on her dashboard:
        | title       | status    |
        | Spring fair | Published |

    Scenario: A dashboard lists exactly its person's articles, newest first
      Given the newsroom has these articles:
        | title        | author | status    |
        | Spring fair  | Alice  | Draft     |
        | Lost cat     | Rita   | Draft     |
        | Harbour news | Eddie  | Published |
        | Found dog    | Rita   | Published |
        | Ferry times  | Alice  | Published |
      When Rita opens her dashboard
      Then she sees on her dashboard:
        | title     | status    |
        | Found dog | Published |
        | Lost cat  | Draft     |
      And she does not see "Spring fair" on her dashboard

  Rule: Only the author or an editor may publish an article

    Scenario Outline: Who may publish a draft: <who> publishing <writer>'s
      Given <writer> has written a draft called "Spring fair"
      When <who> tries to publish "Spring fair"
      Then readers <can or cannot> read "Spring fair"

      Examples:
        | writer | who   | can or cannot |
        | Alice  | Alice | can           |
        | Alice  | Eddie | can           |
        | Alice  | Rita  | cannot        |
        | Rita   | Alice | cannot        |

    Scenario: A reader cannot publish someone else's draft
      Given Alice has written a draft called "Spring fair"
      When Rita tries to publish "Spring fair"
      Then she finds no article there
      And Alice still sees "Spring fair" as a draft on her dashboard

    Scenario: An author's new article goes to the top of the front page, under her name and today's date
      Given Eddie published "Harbour news" on 3 March 2026
      When Alice writes and publishes an article called "Spring fair"
      Then the front page lists, newest first:
        | title        | byline                       |
        | Spring fair  | By Alice Archer, today       |
        | Harbour news | By Eddie Evans, 3 March 2026 |
      And Alice sees on her dashboard:
        | title       | status    |
        | Spring fair | Published |

    Scenario: An author publishes her own article straight away
      When Alice writes and publishes an article called "Harbour news"
      Then she is on the page of "Harbour news", told "“Harbour news” is published."
      And she is not offered to publish it again
      And Rita sees "Harbour news" on the front page

  Rule: Authors look after their own articles

    Scenario: An author edits her draft, and it stays her draft at its address
      Given Alice has written a draft called "Spring fair"
      And she has written a draft called "Harbour news" that says "The ferry leaves at nine."
      When she changes the text of "Spring fair" to "Now with a duck race."
      Then she is on the page of "Spring fair", told "“Spring fair” is saved."
      And she reads "Spring fair" at "/articles/spring-fair/", by Alice Archer, a draft, saying "Now with a duck race."
      And she reads "The ferry leaves at nine." in "Harbour news"

    Scenario: An author corrects her published article and readers see the correction
      Given Alice published "Harbour news" on 3 March 2026, saying "The ferry leaves at ten."
      When she changes the text of "Harbour news" to "The ferry leaves at nine, not ten."
      Then Rita reads "Harbour news" at "/articles/harbour-news/", by Alice Archer, published on 3 March 2026, saying "The ferry leaves at nine, not ten."
      And Rita sees "Harbour news" on the front page

    Scenario: An author changes the title of her published article, and its address and date stay
      Given Alice published "Harbour news" on 3 March 2026, saying "The ferry leaves at nine."
      When she changes the title of "Harbour news" to "Ferry times"
      Then Rita reads "Ferry times" at "/articles/harbour-news/", by Alice Archer, published on 3 March 2026, saying "The ferry leaves at nine."
      And the front page lists, newest first:
        | title       | byline                        |
        | Ferry times | By Alice Archer, 3 March 2026 |

    Scenario: An author deletes her draft
      Given Alice has written a draft called "Spring fair"
      And she has published "Harbour news"
      When she deletes "Spring fair"
      Then she is on her dashboard, told "“Spring fair” is deleted."
      And she sees on her dashboard:
        | title        | status    |
        | Harbour news | Published |
      And nobody can open "/articles/spring-fair/" any more

    Scenario: An author deletes her published article, and it leaves the front page
      Given Alice has published "Spring fair"
      And she has published "Harbour news"
      When she deletes "Harbour news"
      Then she is on her dashboard, told "“Harbour news” is deleted."
      And the front page lists, newest first:
        | title       | byline                 |
        | Spring fair | By Alice Archer, today |
      And nobody can open "/articles/harbour-news/" any more

    Scenario Outline: Nobody else may edit an author's article, not even <who>
      Given Alice has published "Harbour news"
      When <who> opens "Harbour news"
      Then <who> is not offered to edit or delete it

      Examples:
        | who   |
        | Rita  |
        | Eddie |

    Scenario Outline: Nobody else may change an author's article by hand, not even <who>
      Given Alice has published "Harbour news" that says "The ferry leaves at nine."
      When <who> sends the text "The ferry is cancelled." for "Harbour news" without the form
      Then <who> is told "Only the author of an article may change or delete it."
      And Rita still reads "The ferry leaves at nine." in "Harbour news"

      Examples:
        | who   |
        | Rita  |
        | Eddie |

    Scenario Outline: Nobody else may delete an author's article by hand, not even <who>
      Given Alice has published "Harbour news"
      When <who> sends a request to delete "Harbour news" without the form
      Then <who> is told "Only the author of an article may change or delete it."
      And readers can read "Harbour news"

      Examples:
        | who   |
        | Rita  |
        | Eddie |

    Scenario: A link to delete an article asks before it deletes
      Given Alice has published "Harbour news"
      When she follows a link to delete "Harbour news"
      Then she is asked whether to delete "Harbour news"
      And readers can read "Harbour news"

    Scenario Outline: A title may have up to 200 characters: typing <typed> keeps <kept>
      When Alice writes a draft with a title <typed> characters long
      Then she sees a title of <kept> characters

      Examples:
        | typed | kept |
        | 200   | 200  |
        | 201   | 200  |

  Rule: A title shows as it was typed

    Scenario: HTML in a title shows as plain text
      When Alice writes and publishes an article called "<b>Spring</b> fair <script>document.title = 'hacked'</script>"
      Then she is told "“<b>Spring</b> fair <script>document.title = 'hacked'</script>” is published."
      And readers can read "<b>Spring</b> fair <script>document.title = 'hacked'</script>"

  Rule: Every article has an address of its own, made from its title

    Scenario Outline: Two articles with the same title each keep their own address: "<first>" and "<second>"
      Given Alice has published "<first>" that says "Stalls open at ten."
      When she writes and publishes an article called "<second>" that says "Now with a duck race."
      Then Rita reads "Stalls open at ten." at "/articles/spring-fair/"
      And Rita reads "Now with a duck race." at "/articles/spring-fair-2/"

      Examples:
        | first       | second       |
        | Spring fair | Spring fair  |
        | Spring fair | Spring Fair! |

  Rule: The front page shows the newest articles first, twenty to a page

    Scenario: Older articles move to the next page
      Given Alice has published 21 articles, "Day 1" to "Day 21", one a day
      Then Rita sees "Day 21" to "Day 2" on the front page, newest first
      And she finds "Day 1" on the next page

  Rule: Writing needs an account, and an article is by whoever writes it

    Scenario: A visitor is asked to sign in before writing
      When a visitor starts to write an article
      Then they are asked to sign in

    Scenario: An article is by whoever writes it, whatever name the request gives
      When Rita sends a draft called "Lost cat" as Alice without the form
      Then she sees "Lost cat" as a draft on her dashboard
      And Alice does not see "Lost cat" on her dashboard
