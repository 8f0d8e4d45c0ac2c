// Voice notes to text through an OpenAI-compatible speech service (`audio/transcriptions`), which may be a local
// whisper server while chat goes elsewhere. The audio stays in memory: it is never written to disk.
export interface Transcriber {
  /** The words of a voice note; throws when the service fails. */
  transcribe(audio: Uint8Array, fileName: string, language?: string): Promise<string>;
}

export interface TranscriberSettings {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** The openai package loads with the first voice note, not with the bot. */
async function speechService(settings: TranscriberSettings) {
  const { default: OpenAI, toFile } = await import('openai');
  // Everything explicit: the SDK would otherwise read its settings from the environment.
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: 1,
  });
  return { client, toFile };
}

export function createTranscriber(settings: TranscriberSettings): Transcriber {
  let service: ReturnType<typeof speechService> | undefined;
  return {
    async transcribe(audio, fileName, language) {
      service ??= speechService(settings);
      const { client, toFile } = await service;
      const result = await client.audio.transcriptions.create({
        file: await toFile(audio, fileName),
        model: settings.model,
        ...(language ? { language } : {}),
        response_format: 'json',
      });
      return result.text.replace(/\s+/g, ' ').trim();
    },
  };
}
