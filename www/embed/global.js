// Loaded by loader.js (classic script) on a portal page: hands the module API to window.XxgkReport.
import { api } from '../xxgk-report.js';

const global = window.XxgkReport;
if (global && typeof global.attach === 'function') global.attach(api);
