/** Performance mark set once the task pane's first render is committed (read by bench/taskpane.ts). */
export const FIRST_RENDER_MARK = "liat-first-render";
