/** A step of `npm run check`: returns one line per problem, each naming the file at fault. */
export interface CheckStep {
  name: string
  run(root: string): Promise<string[]> | string[]
}
