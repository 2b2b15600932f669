// Scalar's page has no language; screen readers need one to pronounce it.
document.documentElement.lang = 'en';

export default {};
