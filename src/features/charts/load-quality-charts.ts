export const loadQualityCharts = () => import('./quality-charts');
