// The tenant's pipeline from GET api/pipeline: which stages there are, in what order, named as the tenant named them in the
// caller's language. Asked once per page; a failed answer is asked again with the next refresh.
import { getJson } from "./api";

export interface PipelineStage {
  stage: string;
  name: string;
  probability: number;
  forecastCategory: string;
  open: boolean;
}

export interface Pipeline {
  stages: PipelineStage[];
  lossReasons: string[];
  defaultCurrency: string;
}

let loading: Promise<Pipeline> | null = null;

export function loadPipeline(): Promise<Pipeline> {
  if (!loading) {
    const request = getJson<Pipeline>("api/pipeline");
    request.catch(() => { if (loading === request) loading = null; });
    loading = request;
  }
  return loading;
}

/** The stages a deal moves through before it closes, in pipeline order. */
export function openStages(pipeline: Pipeline): PipelineStage[] {
  return pipeline.stages.filter(s => s.open);
}
