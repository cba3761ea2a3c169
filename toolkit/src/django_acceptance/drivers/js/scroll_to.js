// An element (arguments[0]) in the middle of the window, before a click on it.
arguments[0].scrollIntoView({block: 'center'});
return true;
