// Voice notes to text through an OpenAI-compatible speech service (`audio/transcriptions`), which may be a local
// whisper server while chat goes elsewhere. The audio stays in memory: it is never written to disk.
import OpenAI, { toFile } from 'openai';

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

export function createTranscriber(settings: TranscriberSettings): Transcriber {
  // Everything explicit: the SDK would otherwise read its settings from the environment.
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: 1,
  });
  return {
    async transcribe(audio, fileName, language) {
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
