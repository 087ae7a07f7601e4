/** Truth file format shared by the sample page truth and the generated practice pages. */
export interface TruthItem {
  id: string;
  join: boolean;
}
export interface TruthArticle {
  title?: string;
  items: TruthItem[];
}
export interface Truth {
  articles: TruthArticle[];
  /** Fragments cut mid-sentence whose continuation is not on the page. */
  openEnds: string[];
}
