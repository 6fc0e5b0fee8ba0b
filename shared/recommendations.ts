/** A recommendation grouped by the facilitator from table proposals; the statement issue builds on it. */
export interface DraftRecommendation {
  id: string;
  title: string;
  text: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}
