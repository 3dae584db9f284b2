/** `Create`: title, description, type, priority, phase and namespace (default: the graph's usual one). */
import { useState } from 'react';
import type { Phase, Priority, TaskType } from '../../../../shared/model/tasks.js';
import { ENUMS } from '../../../../shared/tasks/enums.js';
import type { GraphModel } from './graphModel.js';
import { defaultNamespace } from './graphModel.js';
import type { TaskActions } from './taskActions.js';

export function CreateTaskForm({
  model,
  actions,
  onDone,
}: {
  model: GraphModel;
  actions: TaskActions;
  onDone: () => void;
}) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [type, setType] = useState<TaskType>('task');
  const [priority, setPriority] = useState<Priority>('medium');
  const [phase, setPhase] = useState<Phase>('unscoped');
  const [namespace, setNamespace] = useState(() => defaultNamespace(model));
  const pick = <T extends string>(
    label: string,
    value: T,
    set: (v: T) => void,
    choices: readonly string[],
  ) => (
    <label>
      {label}{' '}
      <select aria-label={label} value={value} onChange={(e) => set(e.target.value as T)}>
        {choices.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      className="tasks-create"
      aria-label="New task"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        void actions
          .createTask({ namespace, title: title.trim(), description, type, priority, phase })
          .then((t) => t && onDone());
      }}
    >
      <input
        aria-label="Title"
        placeholder="Title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
      />
      <textarea
        aria-label="Description"
        placeholder="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      {pick('Type', type, setType, ENUMS.TaskType)}
      {pick('Priority', priority, setPriority, ENUMS.Priority)}
      {pick('Phase', phase, setPhase, ENUMS.Phase)}
      <label>
        Namespace{' '}
        <input aria-label="Namespace" value={namespace} onChange={(e) => setNamespace(e.target.value)} />
      </label>
      <button type="submit">Create</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
