// The kind of the field named arguments[0] within the scopes arguments[1]: "password" for one that hides what is typed.
const one = findOne('field', arguments[0], arguments[1]);
if (one.error) return one;
return {type: one.element.tagName === 'INPUT' ? one.element.type : one.element.tagName.toLowerCase()};
