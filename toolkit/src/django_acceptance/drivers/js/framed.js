// The page on another site that frames the newsroom has seen its frame's load event.
return window.framed === true;
