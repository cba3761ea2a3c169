Feature: Registering an account
  Newcomers sign themselves up. A welcome email tells them their username and
  shows that their address works; details that are wrong are refused before
  any account exists, and nobody gets an email by mistake.

  Rule: Registering opens an account and sends one welcome email

    Scenario: Nina registers and is welcomed
      Given Alice is an author
      And Rita is a reader
      When Nina registers as "nina" with the email "nina@example.com"
      Then she sees her dashboard welcoming her as "nina"
      And she is told "Welcome aboard, nina! We have sent you an email.", and nothing else
      And "nina@example.com" receives one email, "Welcome to Our Site!", that reads:
        """
        Hello nina,

        Welcome to the Newsroom! Your account is ready: you can read the news,
        comment on articles and write your own.

        Sign in any time with your username, nina, at
        {a link to the sign-in page}

        The Newsroom team
        """
      And the link in it leads to the sign-in page

    Scenario: The welcome email comes from the newsroom, and a reply goes back to it
      When Nina registers as "nina" with the email "nina@example.com"
      Then "nina@example.com" receives one email, "Welcome to Our Site!"
      And it comes from "newsroom@localhost", and a reply goes back there

    Scenario: The registration form asks for an email address as one
      When Nina opens the registration page
      Then "Email" takes an email address

  Rule: What a newcomer gives when registering is what the newsroom uses afterwards

    Scenario: Nina signs in with the username and password she registered with
      Given Nina has registered as "nina" with the email "nina@example.com" and the password "Tulip-Garden-42"
      When she signs in with the password "Tulip-Garden-42"
      Then she sees her dashboard welcoming her as "nina"

    Scenario: A reset link goes to the address Nina registered with, naming her by her username
      Given Nina has registered as "nina" with the email "nina@example.com" and the password "Tulip-Garden-42"
      When she asks for a password reset for "nina@example.com"
      Then "nina@example.com" receives one email, "Reset your Newsroom password", that reads:
        """
        Hello nina,

        Someone asked to reset the password of your Newsroom account. To choose a new
        password, follow this link:

        {a link to choose a new password}

        If it was not you, ignore this email: your password stays as it is.

        The Newsroom team
        """

  Rule: Registering opens an ordinary account, whatever the request asks for

    Scenario: Nina cannot make herself staff by registering by hand
      When Nina registers as "nina" with the email "nina@example.com", asking for staff rights without the form
      Then she cannot open the newsroom's administration

  Rule: Wrong details are refused, and no account or email comes of them

    Scenario Outline: Registering with <problem> is refused
      Given Rita is a reader
      When Nina registers as "<username>" with the email "<email>" and the passwords "<password>" and "<confirmation>"
      Then she is told "<error>"
      And no account "<username>" can sign in with "<password>"
      And no email is sent

      Examples:
        | problem                           | username | email            | password        | confirmation    | error                                              |
        | passwords that differ             | nina     | nina@example.com | Tulip-Garden-42 | Tulip-Garden-43 | The two password fields didn’t match.              |
        | a taken username                  | rita     | nina@example.com | Tulip-Garden-42 | Tulip-Garden-42 | A user with that username already exists.          |
        | a taken username in other letters | RITA     | nina@example.com | Tulip-Garden-42 | Tulip-Garden-42 | A user with that username already exists.          |
        | a taken email                     | nina     | rita@example.com | Tulip-Garden-42 | Tulip-Garden-42 | An account with this email address already exists. |
        | a taken email in other letters    | nina     | Rita@Example.COM | Tulip-Garden-42 | Tulip-Garden-42 | An account with this email address already exists. |
        | a taken email in wide letters     | nina     | rita@exａmple.com | Tulip-Garden-42 | Tulip-Garden-42 | An account with this email address already exists. |
        | a taken username in look-alikes   | rіta     | nina@example.com | Tulip-Garden-42 | Tulip-Garden-42 | A user with that username already exists.          |
        | an invalid email                  | nina     | nina-at-example  | Tulip-Garden-42 | Tulip-Garden-42 | Enter a valid email address.                       |
        | a weak password                   | nina     | nina@example.com | password        | password        | This password is too common.                       |
        | a password of seven characters    | nina     | nina@example.com | Tulip-4         | Tulip-4         | This password is too short.                        |
        | a password of digits alone        | nina     | nina@example.com | 80517296        | 80517296        | This password is entirely numeric.                 |
