// The text of the page on show (inside a frame, the frame's).
return document.body ? document.body.innerText : '';
