/** This server's id for a failed request, selectable, to find its log line. */
export function RequestId({ id, className = '' }: { id: string | undefined; className?: string }) {
  if (!id) return null;
  return (
    <p className={`text-xs opacity-80 ${className}`}>
      Request id <code className="select-all">{id}</code>
    </p>
  );
}
