// The page on another site that frames the site has seen its frame's load event.
return window.framed === true;
