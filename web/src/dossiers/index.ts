export { StatusTag } from './status-tag';
export { TimelinessTag } from './timeliness-tag';
export { HistoryTimeline } from './history-timeline';
export { ComponentsTable } from './components-table';
