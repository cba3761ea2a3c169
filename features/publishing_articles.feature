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

    Scenario: Before anything is published, the front page says so
      Given Alice has written a draft called "Spring fair"
      When Rita opens the front page
      Then she sees the front page list nothing, told "Nothing is published yet."

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
      And she is shown no drafts waiting to be published

    Scenario: A dashboard without articles offers to write one
      Given Alice has published "Spring fair"
      When Rita opens her dashboard
      Then she sees no articles on her dashboard, told "You have not written anything yet. Write an article."

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

    Scenario: An editor's dashboard lists the drafts waiting for him, newest first, by whom
      Given the newsroom has these articles:
        | title        | author | status    |
        | Spring fair  | Alice  | Draft     |
        | Harbour news | Alice  | Published |
        | Lost cat     | Rita   | Draft     |
        | Ferry times  | Eddie  | Draft     |
      When Eddie opens his dashboard
      Then he sees the drafts waiting to be published:
        | title       | by    |
        | Lost cat    | rita  |
        | Spring fair | alice |

    Scenario: A draft an editor publishes stops waiting for him
      Given Alice has written a draft called "Spring fair"
      And Rita has written a draft called "Lost cat"
      When Eddie publishes "Lost cat"
      Then he sees the drafts waiting to be published:
        | title       | by    |
        | Spring fair | alice |

    Scenario: An author is offered to publish, edit and delete her draft; an editor only to publish it
      Given Alice has written a draft called "Spring fair"
      When Alice opens "Spring fair"
      Then she is offered "Publish", "Edit" and "Delete", and nothing else
      When Eddie opens "Spring fair"
      Then he is offered "Publish", and nothing else
      And he is offered no comments and no form to comment

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
      And she is offered "Edit" and "Delete", and nothing else
      And Rita sees "Harbour news" on the front page

  Rule: An article is dated by the day it is published, in the newsroom's time zone, UTC

    Scenario: An article published a minute before midnight UTC is dated that day
      Given it is 23:59 UTC on 3 March 2026
      When Alice writes and publishes an article called "Spring fair"
      Then the front page lists, newest first:
        | title       | byline                        |
        | Spring fair | By Alice Archer, 3 March 2026 |

    Scenario: An article published at midnight UTC is dated the new day
      Given it is 00:00 UTC on 4 March 2026
      When Alice writes and publishes an article called "Spring fair"
      Then the front page lists, newest first:
        | title       | byline                        |
        | Spring fair | By Alice Archer, 4 March 2026 |

    Scenario: An article published today keeps its day once the day is over
      Given it is 23:59 UTC on 3 March 2026
      And Alice has published "Spring fair" that says "Stalls open at ten."
      And it is 2 minutes later
      When Rita reads "Spring fair"
      Then she reads "Spring fair" at "/articles/spring-fair/", by Alice Archer, published on 3 March 2026, saying "Stalls open at ten."

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

    Scenario: A deleted article is gone from every page that listed it
      Given Alice published "Harbour news" on 3 March 2026
      And she has published 20 articles, "Day 1" to "Day 20", one a day
      When Alice deletes "Harbour news"
      Then Rita sees "Day 20" to "Day 1" on the front page, newest first
      And she is offered no other page of the front page
      And Alice does not see "Harbour news" on her dashboard

    Scenario: A deleted article's page and the pages to edit and delete it are gone
      Given Alice has published "Harbour news"
      When she deletes "Harbour news"
      Then she finds nothing at "/articles/harbour-news/", "/articles/harbour-news/edit/" and "/articles/harbour-news/delete/"

    Scenario: An edit sent by hand with fields the form lacks changes only the words
      Given Alice has written a draft called "Spring fair"
      When she sends the text "Now with a duck race." for "Spring fair" without the form, with the fields it lacks
      Then she reads "Spring fair" at "/articles/spring-fair/", by Alice Archer, a draft, saying "Now with a duck race."
      And readers cannot read "Spring fair"

    Scenario: An author who thinks better of deleting keeps her article
      Given Alice has published "Harbour news"
      When she starts to delete "Harbour news" and cancels
      Then she is back on the page of "Harbour news"
      And readers can read "Harbour news"

    Scenario: An author who thinks better of an edit keeps her text
      Given Alice has published "Harbour news" that says "The ferry leaves at nine."
      When she starts to edit "Harbour news" and cancels
      Then she is back on the page of "Harbour news"
      And Rita still reads "The ferry leaves at nine." in "Harbour news"

    Scenario Outline: Nobody else may edit an author's article, not even <who>, <being>
      Given Alice has published "Harbour news"
      And <who> is <being>
      When <who> opens "Harbour news"
      Then <who> is not offered to edit or delete it

      Examples:
        | who   | being                   |
        | Rita  | a reader                |
        | Eddie | an editor               |
        | Eddie | on the newsroom's staff |

    Scenario Outline: Nobody else may change an author's article by hand, not even <who>, <being>
      Given Alice has published "Harbour news" that says "The ferry leaves at nine."
      And <who> is <being>
      When <who> sends the text "The ferry is cancelled." for "Harbour news" without the form
      Then <who> is told "Only the author of an article may change or delete it."
      And Rita still reads "The ferry leaves at nine." in "Harbour news"

      Examples:
        | who   | being                   |
        | Rita  | a reader                |
        | Eddie | an editor               |
        | Eddie | on the newsroom's staff |

    Scenario Outline: Nobody else may delete an author's article by hand, not even <who>, <being>
      Given Alice has published "Harbour news"
      And <who> is <being>
      When <who> sends a request to delete "Harbour news" without the form
      Then <who> is told "Only the author of an article may change or delete it."
      And readers can read "Harbour news"

      Examples:
        | who   | being                   |
        | Rita  | a reader                |
        | Eddie | an editor               |
        | Eddie | on the newsroom's staff |

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

    Scenario: HTML in a draft's title shows as typed on the dashboards
      Given Alice has written a draft called "<b>Spring</b> fair & <i>more</i>"
      When Eddie opens his dashboard
      Then he sees the drafts waiting to be published:
        | title                            | by    |
        | <b>Spring</b> fair & <i>more</i> | alice |
      And Alice sees on her dashboard:
        | title                            | status |
        | <b>Spring</b> fair & <i>more</i> | Draft  |

    Scenario: HTML in a title shows as typed in the message that saves a draft
      When Alice writes a draft called "<b>Spring</b> fair <script>document.title = 'hacked'</script>"
      Then she is told "“<b>Spring</b> fair <script>document.title = 'hacked'</script>” is saved as a draft."

    Scenario Outline: HTML in a title shows as typed in the message when <who> <does what> it
      Given Alice has written a draft called "<b>Spring</b> fair & <i>more</i>"
      When <who> <does it>
      Then <who> is told "“<b>Spring</b> fair & <i>more</i>” is <done>."

      Examples:
        | who   | does what | does it                                                                           | done      |
        | Eddie | publishes | publishes "<b>Spring</b> fair & <i>more</i>"                                      | published |
        | Alice | saves     | changes the text of "<b>Spring</b> fair & <i>more</i>" to "Now with a duck race." | saved     |
        | Alice | deletes   | deletes "<b>Spring</b> fair & <i>more</i>"                                        | deleted   |

  Rule: An article's text reads as it was written

    Scenario: An article shows its text in its paragraphs, and the front page its first forty words
      Given Alice has published "Spring fair" that says:
        """
        The spring fair returns to the green on Saturday, with stalls from every village along the river, music from the school band, a duck race at noon and a tug of war between the two ferry crews before the prizes are given out.

        Stalls open at ten.
        """
      When Rita reads "Spring fair"
      Then she reads "Spring fair" in these paragraphs:
        | paragraph                                                                                                                                                                                                             |
        | The spring fair returns to the green on Saturday, with stalls from every village along the river, music from the school band, a duck race at noon and a tug of war between the two ferry crews before the prizes are given out. |
        | Stalls open at ten.                                                                                                                                                                                                   |
      And the front page shows "Spring fair" beginning "The spring fair returns to the green on Saturday, with stalls from every village along the river, music from the school band, a duck race at noon and a tug of war between the two ferry crews before the prizes …"

    Scenario: HTML in an article's text shows as typed, on its page and on the front page
      Given Alice has published "Spring fair" that says "<b>Stalls</b> open at ten & <i>music</i> at noon."
      When Rita reads "Spring fair"
      Then she reads "<b>Stalls</b> open at ten & <i>music</i> at noon." in "Spring fair"
      And the front page shows "Spring fair" beginning "<b>Stalls</b> open at ten & <i>music</i> at noon."

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

    Scenario: A third article with the same title gets an address of its own too
      Given Alice has published "Spring fair" that says "Stalls open at ten."
      And she has published "Spring fair" that says "Now with a duck race."
      When she writes and publishes an article called "Spring fair" that says "Bring a bike."
      Then Rita reads "Bring a bike." at "/articles/spring-fair-3/"
      And Rita reads "Now with a duck race." at "/articles/spring-fair-2/"
      And Rita reads "Stalls open at ten." at "/articles/spring-fair/"

    Scenario: An article's address typed without its last slash still opens the article
      Given Alice has published "Spring fair"
      When Rita opens the address of "Spring fair" without its last slash
      Then she lands on "Spring fair"

    Scenario: A title of punctuation alone still makes an address
      When Alice writes and publishes an article called "!!!" that says "Stalls open at ten."
      Then she is on the page of "!!!", told "“!!!” is published."
      And Rita reads "!!!" at "/articles/article/", by Alice Archer, published today, saying "Stalls open at ten."

  Rule: The front page shows the newest articles first, twenty to a page

    Scenario: Older articles move to the next page
      Given Alice has published 21 articles, "Day 1" to "Day 21", one a day
      Then Rita sees "Day 21" to "Day 2" on the front page, newest first
      And she finds "Day 1" on the next page
      And its "Newer" leads back to the first page, "Day 21" first

    Scenario: Comments do not move an article on the front page
      Given Eddie published "Harbour news" on 3 March 2026
      And Alice published "Spring fair" on 4 March 2026
      And Rita has commented "Is the ferry on time?" on "Harbour news"
      And Alice has commented "It is." on "Harbour news"
      When Rita opens the front page
      Then the front page lists, newest first:
        | title        | byline                        |
        | Spring fair  | By Alice Archer, 4 March 2026 |
        | Harbour news | By Eddie Evans, 3 March 2026  |

    Scenario: Twenty articles fit on one page
      Given Alice has published 20 articles, "Day 1" to "Day 20", one a day
      When Rita opens the front page
      Then she sees "Day 20" to "Day 1" on the front page, newest first
      And she is offered no other page of the front page

  Rule: Writing needs an account, and an article is by whoever writes it

    Scenario: A visitor is asked to sign in before writing
      When a visitor starts to write an article
      Then they are asked to sign in

    Scenario: Someone who gave only a username is named by it wherever her work shows
      When Nina registers as "nina" with the email "nina@example.com"
      And she writes and publishes an article called "Allotment news" that says "The first beans are in."
      And she comments "Come and pick some." on "Allotment news"
      Then the front page lists, newest first:
        | title          | byline         |
        | Allotment news | By nina, today |
      And Rita reads "Allotment news" at "/articles/allotment-news/", by nina, published today, saying "The first beans are in."
      And the comments under "Allotment news" read, oldest first:
        | by   | comment             |
        | nina | Come and pick some. |

    Scenario: A name with HTML in it shows as it was given, wherever it shows
      Given the staff have named Alice "<b>Alice</b> & Co"
      And she has published "Spring fair" that says "Stalls open at ten."
      And she has commented "See you there." on "Spring fair"
      When she opens her dashboard
      Then she sees her dashboard welcoming her as "<b>Alice</b> & Co"
      And the front page lists, newest first:
        | title       | byline                      |
        | Spring fair | By <b>Alice</b> & Co, today |
      And Rita reads "Spring fair" at "/articles/spring-fair/", by <b>Alice</b> & Co, published today, saying "Stalls open at ten."
      And the comments under "Spring fair" read, oldest first:
        | by                | comment        |
        | <b>Alice</b> & Co | See you there. |

    Scenario: An article is by whoever writes it, whatever name the request gives
      When Rita sends a draft called "Lost cat" as Alice without the form
      Then she sees "Lost cat" as a draft on her dashboard
      And Alice does not see "Lost cat" on her dashboard
