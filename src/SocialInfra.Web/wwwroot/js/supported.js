// Marks the body before first paint so GOV.UK Frontend styles its JavaScript-enhanced components.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
