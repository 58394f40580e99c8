/**
 * Every string a person reads in FormCoach, in English and Dutch. Components
 * take text from here only. `{name}` placeholders are filled by `format`.
 */
export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export const en = {
  'app.title': 'FormCoach',
  'app.tagline': 'Your form, coached live. Private: the video never leaves this device.',
  'lang.label': 'Language',
  'source.camera': 'Use camera',
  'source.file': 'Analyse a video file',
  'source.drop': 'or drop a video file here',
  'source.cameraPicker': 'Camera',
  'source.stop': 'Stop',
  'source.idle': 'Start the camera or choose a video file to see your pose.',
  'settings.model': 'Pose model',
  'settings.backend': 'Compute',
  'settings.backend.auto': 'Automatic',
  'settings.backend.webgl': 'GPU (WebGL)',
  'settings.backend.wasm': 'CPU (WebAssembly)',
  'settings.backend.cpu': 'CPU (plain JavaScript, slow)',
  'settings.mirror': 'Mirror image',
  'settings.exercise': 'Exercise',
  'settings.exercise.none': 'None (pose only)',
  'exercise.upward-dog': 'Upward facing dog',
  'exercise.superman': 'Superman',
  'exercise.good-morning': 'Good morning',
  'exercise.hip-thrust': 'Hip thrust',
  'coach.reps': 'Reps',
  'coach.partial': '{count} partial',
  'model.movenet-lightning': 'MoveNet Lightning (fast)',
  'model.movenet-thunder': 'MoveNet Thunder (accurate, slower)',
  'model.blazepose-lite': 'BlazePose Lite',
  'model.blazepose-full': 'BlazePose Full',
  'status.loadingModel': 'Loading the pose model…',
  'status.startingCamera': 'Starting the camera…',
  'status.analysingFile': 'Analysing {file}: {percent}%',
  'status.fileDone': 'Finished analysing {file}: {frames} frames.',
  'status.noPerson': 'No person in view. Step into the frame.',
  'hud.fps': '{fps} fps',
  'hud.inference': '{ms} ms per frame',
  'track.download': 'Download keypoint track (.json)',
  'error.title': 'Something needs your attention',
  'error.noCamera': 'No camera was found. Connect a camera, or analyse a video file instead.',
  'error.cameraDenied': 'FormCoach may not use the camera. Allow camera access in your browser’s site settings and try again, or analyse a video file instead.',
  'error.cameraInUse': 'The camera is in use by another program. Close that program and try again, or analyse a video file instead.',
  'error.cameraLost': 'The camera stopped (was it unplugged?). Your analysis so far is kept. Reconnect it and start again, or analyse a video file instead.',
  'error.cameraUnsupported': 'This browser gives no camera access here. Open FormCoach on localhost or https, or analyse a video file instead.',
  'error.modelFile': 'Model file {file} is {problem}. Run `{command}` in the FormCoach folder to fetch and verify the model files, then reload this page.',
  'error.modelFile.missing': 'missing',
  'error.modelFile.corrupt': 'corrupt',
  'error.backend': 'The pose model could not start on {backend}: {detail}. Choose another compute option.',
  'error.videoFile': 'This video file cannot be played ({detail}). Try an MP4 (H.264) or WebM file.',
  'error.unknown': 'Something went wrong: {detail}',
  'error.useFile': 'Use a video file instead',
  'error.retry': 'Try again',
  'error.dismiss': 'Dismiss',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

export const nl: Messages = {
  'app.title': 'FormCoach',
  'app.tagline': 'Je houding, live gecoacht. Privé: het beeld verlaat dit apparaat nooit.',
  'lang.label': 'Taal',
  'source.camera': 'Camera gebruiken',
  'source.file': 'Een videobestand analyseren',
  'source.drop': 'of sleep een videobestand hierheen',
  'source.cameraPicker': 'Camera',
  'source.stop': 'Stoppen',
  'source.idle': 'Start de camera of kies een videobestand om je houding te zien.',
  'settings.model': 'Houdingsmodel',
  'settings.backend': 'Rekenen op',
  'settings.backend.auto': 'Automatisch',
  'settings.backend.webgl': 'GPU (WebGL)',
  'settings.backend.wasm': 'CPU (WebAssembly)',
  'settings.backend.cpu': 'CPU (gewoon JavaScript, traag)',
  'settings.mirror': 'Beeld spiegelen',
  'settings.exercise': 'Oefening',
  'settings.exercise.none': 'Geen (alleen houding)',
  'exercise.upward-dog': 'Upward facing dog',
  'exercise.superman': 'Superman',
  'exercise.good-morning': 'Good morning',
  'exercise.hip-thrust': 'Hip thrust',
  'coach.reps': 'Herhalingen',
  'coach.partial': '{count} gedeeltelijk',
  'model.movenet-lightning': 'MoveNet Lightning (snel)',
  'model.movenet-thunder': 'MoveNet Thunder (nauwkeurig, trager)',
  'model.blazepose-lite': 'BlazePose Lite',
  'model.blazepose-full': 'BlazePose Full',
  'status.loadingModel': 'Het houdingsmodel wordt geladen…',
  'status.startingCamera': 'De camera wordt gestart…',
  'status.analysingFile': '{file} wordt geanalyseerd: {percent}%',
  'status.fileDone': 'Klaar met {file}: {frames} beelden geanalyseerd.',
  'status.noPerson': 'Er is niemand in beeld. Stap in het beeld.',
  'hud.fps': '{fps} beelden/s',
  'hud.inference': '{ms} ms per beeld',
  'track.download': 'Keypoint-track downloaden (.json)',
  'error.title': 'Er is iets dat je aandacht nodig heeft',
  'error.noCamera': 'Er is geen camera gevonden. Sluit een camera aan, of analyseer een videobestand.',
  'error.cameraDenied': 'FormCoach mag de camera niet gebruiken. Sta cameratoegang toe in de site-instellingen van je browser en probeer het opnieuw, of analyseer een videobestand.',
  'error.cameraInUse': 'De camera wordt door een ander programma gebruikt. Sluit dat programma en probeer het opnieuw, of analyseer een videobestand.',
  'error.cameraLost': 'De camera is gestopt (losgekoppeld?). Wat al geanalyseerd is, blijft bewaard. Sluit hem opnieuw aan en start opnieuw, of analyseer een videobestand.',
  'error.cameraUnsupported': 'Deze browser geeft hier geen toegang tot de camera. Open FormCoach via localhost of https, of analyseer een videobestand.',
  'error.modelFile': 'Modelbestand {file} is {problem}. Voer `{command}` uit in de FormCoach-map om de modelbestanden op te halen en te controleren, en laad deze pagina opnieuw.',
  'error.modelFile.missing': 'niet gevonden',
  'error.modelFile.corrupt': 'beschadigd',
  'error.backend': 'Het houdingsmodel kon niet starten op {backend}: {detail}. Kies een andere rekenoptie.',
  'error.videoFile': 'Dit videobestand kan niet worden afgespeeld ({detail}). Probeer een MP4- (H.264) of WebM-bestand.',
  'error.unknown': 'Er ging iets mis: {detail}',
  'error.useFile': 'Een videobestand gebruiken',
  'error.retry': 'Opnieuw proberen',
  'error.dismiss': 'Sluiten',
};

export const MESSAGES: Readonly<Record<Language, Messages>> = { en, nl };

export type MessageParams = Readonly<Record<string, string | number>>;

/** The message for `key` in `lang` with `{name}` placeholders filled; a missing param stays visible as `{name}`. */
export function format(lang: Language, key: MessageKey, params?: MessageParams): string {
  const text = MESSAGES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The best supported language for a list of preferred BCP 47 tags (navigator.languages), English when none match. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base ?? '')) return base as Language;
  }
  return 'en';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
