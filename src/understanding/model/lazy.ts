// The model's loop, loaded only when first needed.
import type { ModelLoop, ModelLoopDeps } from './index.ts';

/**
 * The model's client (openai) and tokenizer are big: loaded on the first free-form question, and never when no
 * model is configured.
 */
export function lazyModelLoop(deps: ModelLoopDeps): ModelLoop {
  let loop: Promise<ModelLoop> | undefined;
  return {
    async answer(input) {
      loop ??= import('./index.ts').then(({ createModelLoop }) => createModelLoop(deps));
      return (await loop).answer(input);
    },
  };
}
