import { initAll } from '/lib/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();
