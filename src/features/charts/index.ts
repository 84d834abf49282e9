/**
 * What other features use of the charts: they import from here only (README, Layout). The
 * charts are chunks of their own, handed out as loaders; each loader is a module of its own so
 * that it joins its importer's chunk instead of making one more.
 */
export { loadPeerReportChart } from './load-peer-report-chart';
export { loadQualityCharts } from './load-quality-charts';
export type { PeerReportPanel } from './peer-report-chart';
export type { QualityChart, QualityLine, QualityThreshold } from './quality-charts';
