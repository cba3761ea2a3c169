// The names of the cookies a script on this page can read.
return document.cookie.split('; ').filter((c) => c).map((c) => c.split('=')[0]);
