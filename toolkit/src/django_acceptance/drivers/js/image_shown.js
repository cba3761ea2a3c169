// The page on another site that shows an image from the site has its answer, an image or not.
return window.imageDone === true;
