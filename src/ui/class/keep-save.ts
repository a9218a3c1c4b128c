import { suspendAutosave } from '../../store/autosave';

// The student room plays the class's game in the same plan form as self-study, which autosaves the app's session
// after every edit. The class game lives on the server, so the room suspends the autosave while it is open: a
// class on a shared school PC never replaces anyone's own game. Returns the function that resumes it.

export function keepSelfStudySave(): () => void {
  suspendAutosave(true);
  return () => suspendAutosave(false);
}
