Feature: Resetting a forgotten password
  People who forget their password get back in through a link sent to their
  email address. The link works once, and the form never reveals whether an
  address has an account.

  Background:
    Given Rita is a reader with the password "Old-Lantern-31"
    And Alice is an author with the password "Old-Lantern-31"

  Rule: The emailed link lets a person choose a new password

    Scenario: Rita resets her password and signs in with the new one
      When Rita asks for a password reset for "rita@example.com"
      Then she is told "Check your email"
      When she follows the link in the email to choose the new password "New-Lantern-77"
      Then she can sign in with "New-Lantern-77"
      And she can no longer sign in with "Old-Lantern-31"
      And Alice can still sign in with "Old-Lantern-31"

    Scenario: The reset email goes to Rita alone, with her link and nothing secret
      When Rita asks for a password reset for "rita@example.com"
      Then "rita@example.com" receives one email, "Reset your Newsroom password", that reads:
        """
        Hello rita,

        Someone asked to reset the password of your Newsroom account. To choose a new
        password, follow this link:

        {a link to choose a new password}

        If it was not you, ignore this email: your password stays as it is.

        The Newsroom team
        """
      And the link in it leads to choose a new password

    Scenario: The reset email comes from the newsroom, and a reply goes back to it
      When Rita asks for a password reset for "rita@example.com"
      Then "rita@example.com" receives one email, "Reset your Newsroom password"
      And it comes from "newsroom@localhost", and a reply goes back there

    Scenario: A reset link works only once
      Given Rita has reset her password through the emailed link
      When she follows the same link again
      Then she is told "This link no longer works"

    Scenario: New passwords that differ are refused
      Given Rita has been sent a password reset link
      When she follows the link and chooses "New-Lantern-77" confirmed as "New-Lantern-78"
      Then she is told "The two password fields didn’t match."
      And she can still sign in with "Old-Lantern-31"

    Scenario: Asking for a reset is answered on a page of its own, so that reloading it asks for nothing again
      When Rita asks for a password reset for "rita@example.com"
      Then she lands on the page that says a reset email is on its way

  Rule: A reset link works for three days after it is sent

    Scenario: A reset link still works a minute before its three days are up
      Given Rita has been sent a password reset link
      And it is 3 days less a minute later
      When she follows the link in the email to choose the new password "New-Lantern-77"
      Then she can sign in with "New-Lantern-77"

    Scenario: A reset link no longer works a minute after its three days are up
      Given Rita has been sent a password reset link
      And it is 3 days and a minute later
      When she follows the link in the email
      Then she is told "This link no longer works"
      And she can still sign in with "Old-Lantern-31"

  Rule: The form does not reveal who has an account

    Scenario: An unknown address gets the same answer and no email
      When a visitor asks for a password reset for "nobody@example.com"
      Then they are told "Check your email"
      And no email is sent
