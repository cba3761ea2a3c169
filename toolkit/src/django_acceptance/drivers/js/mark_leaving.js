// Before an action that leaves the page by other means (a key press): mark the page it leaves.
window.acceptanceLeaving = true;
return true;
