/** Why a renderer refused to produce an output; `code` is stable, `message` is for a person. */
export type RenderErrorCode = 'unsafe_image_url' | 'unsafe_link' | 'invalid_option';

export class RenderError extends Error {
  readonly code: RenderErrorCode;
  readonly channel: string;
  constructor(code: RenderErrorCode, channel: string, message: string) {
    super(message);
    this.name = 'RenderError';
    this.code = code;
    this.channel = channel;
  }
}
