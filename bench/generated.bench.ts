// Understanding on questions nobody wrote down: the generated pack (test/router/generated.ts) against the router,
// without a model. Goals: understood ≥ 95%, confidently wrong 0.
import { runGeneratedPack } from '../test/router/generated-run.ts';

export default async () => {
  const figures = runGeneratedPack();
  return {
    'generated questions understood without a model (%)': Math.round((figures.understood / figures.size) * 1000) / 10,
    'generated questions answered confidently wrong': figures.wrong.length,
  };
};
