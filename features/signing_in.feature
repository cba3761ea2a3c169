@browser
Feature: Signing in
  People sign in with their username and password and start from their
  dashboard. This runs in a real browser every time: cookies and redirects are
  what signing in is made of.

  Background:
    Given Rita is a reader with the password "Old-Lantern-31"

  Rule: The right password opens the dashboard

    Scenario: Rita signs in and lands on her dashboard
      When Rita signs in with the password "Old-Lantern-31"
      Then she sees her dashboard welcoming her as "Rita Reyes"

    Scenario Outline: A link to the sign-in page cannot send Rita on to another site: <address>
      When Rita signs in through a link that leads on to "<address>"
      Then she sees her dashboard welcoming her as "Rita Reyes"

      Examples:
        | address                           |
        | https://newsroom.example.net/     |
        | http://newsroom.example.net/      |
        | //newsroom.example.net/           |
        | /\newsroom.example.net/           |
        | \\newsroom.example.net/           |
        | https:///newsroom.example.net/    |
        | https://newsroom.example.net@x.y/ |
        | javascript:alert(document.cookie) |

    Scenario: A wrong password is refused
      When Rita signs in with the password "Old-Lantern-13"
      Then she is told "Please enter a correct username and password."
      And she is not signed in

  Rule: Signing out ends the session

    Scenario: Rita signs out, and her password still opens her dashboard
      Given Rita is signed in
      When she signs out
      Then she is told "You are signed out."
      And she is not signed in
      And she can still sign in with "Old-Lantern-31"

    Scenario: A copy of Rita's session cookie stops working when she signs out
      Given Rita is signed in
      And someone has copied her session cookie
      When she signs out
      Then the copied cookie no longer opens her dashboard

  Rule: Signing in keeps a person signed in for two weeks, whether or not she closes her browser

    Scenario: Rita's browser is told to keep her signed in for two weeks
      Given Rita is a reader with the password "Old-Lantern-31"
      When she signs in with the password "Old-Lantern-31"
      Then her browser is told to keep her signed in for 14 days, closed or not
