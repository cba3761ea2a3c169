// Nothing to read: the gate alone, to wait for the page the last action led to.
return true;
