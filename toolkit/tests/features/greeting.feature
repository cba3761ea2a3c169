Feature: Greeting
  A page of the toolkit's own test project, through both drivers, with no behave.ini.

  Scenario: Someone who gives her name is greeted by it
    Given Ada opens the greeting page
    When she gives her name
    Then she is greeted by name on the hello page

  @browser
  Scenario: The same in a browser
    Given Ada opens the greeting page
    When she gives her name
    Then she is greeted by name on the hello page

  Scenario: Someone who gives no name is asked for it
    Given Ada opens the greeting page
    When she presses the button without a name
    Then she is asked for her name on the same page
