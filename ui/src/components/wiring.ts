/** What Field hands its control: the id, the `aria-describedby` list, and whether an error
 * finding marks the answer invalid. */
export interface Wiring {
  id: string;
  describedby: string;
  invalid: boolean;
}
