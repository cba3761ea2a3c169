Feature: Publishing articles
  Authors write articles as drafts, and readers see an article only once it is
  published. Editors decide what goes out, so a draft never reaches readers by
  accident, and nobody publishes someone else's work without the right to.

  Background:
    Given Alice is an author
    And Eddie is an editor
    And Rita is a reader

  Rule: A draft stays hidden from readers until it is published

    Scenario: A new draft is hidden from readers
      When Alice writes a draft called "Spring fair"
      Then Rita does not see "Spring fair" on the front page
      And Rita cannot open "Spring fair"

    Scenario: An editor publishes a draft and readers can read it
      Given Alice has written a draft called "Spring fair" that says "Stalls open at ten."
      When Eddie publishes "Spring fair"
      Then Rita sees "Spring fair" on the front page
      And Rita reads "Stalls open at ten." in "Spring fair"

  Rule: Only the author or an editor may publish an article

    Scenario: A reader cannot publish someone else's draft
      Given Alice has written a draft called "Spring fair"
      When Rita tries to publish "Spring fair"
      Then she is told "Only editors may publish someone else's article."
      And Alice still sees "Spring fair" as a draft on her dashboard

    Scenario: An author publishes her own article straight away
      When Alice writes and publishes an article called "Harbour news"
      Then Rita sees "Harbour news" on the front page

  Rule: Authors look after their own articles

    Scenario: An author edits her draft
      Given Alice has written a draft called "Spring fair"
      When she changes the text of "Spring fair" to "Now with a duck race."
      Then she reads "Now with a duck race." in "Spring fair"

    Scenario: An author deletes her draft
      Given Alice has written a draft called "Spring fair"
      When she deletes "Spring fair"
      Then she is told "“Spring fair” is deleted."
      And she no longer sees "Spring fair" on her dashboard

    Scenario: Nobody else may edit an author's article
      Given Alice has published "Harbour news"
      When Eddie opens "Harbour news"
      Then he is not offered to edit or delete it

  Rule: Writing needs an account

    Scenario: A visitor is asked to sign in before writing
      When a visitor starts to write an article
      Then they are asked to sign in
