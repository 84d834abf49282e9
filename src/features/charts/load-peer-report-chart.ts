export const loadPeerReportChart = () => import('./peer-report-chart');
