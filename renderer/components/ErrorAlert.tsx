import { useErrorText } from './errorText.js';

/** An error in words, announced to screen readers as it appears. */
export function ErrorAlert({ error, id }: { error: unknown; id?: string }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="alert alert-error" role="alert" id={id}>
      {text(error)}
    </p>
  );
}
