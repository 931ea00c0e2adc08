/** A project file that cannot be opened or saved, said as `file: what is wrong`. */
export class ProjectError extends Error {
  override name = 'ProjectError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}
