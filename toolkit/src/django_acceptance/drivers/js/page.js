// What the steps read of a page, in one round trip; kept until the next action. arguments[0]:
// the within() scopes, whose one element the text, links, buttons and fields are read from.
const within = scoped(arguments[0]);
if (within.error) return within;
return pageRead(within.root);
