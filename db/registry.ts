import { contract, type MethodName, type ParsedInput } from '../core/contract';
import { UserError } from '../core/errors';
import type { Handlers, MethodSteps } from './context';

type AnySteps = MethodSteps<MethodName>;

/**
 * Every API method, registered area by area (db/handlers/*): its synchronous handler, and the
 * asynchronous steps of those that need I/O outside the transaction. A name registered twice is
 * refused at start-up, naming both areas (spreading handler objects let the later one win
 * silently), and so is a contract method no area answers.
 */
export class MethodRegistry {
  private readonly owners = new Map<string, string>();
  private readonly stepOwners = new Map<string, string>();
  private readonly table: Partial<Record<MethodName, unknown>> = {};
  private readonly steps: Partial<Record<MethodName, AnySteps>> = {};

  add(area: string, methods: Partial<Handlers>): this {
    for (const [name, handler] of Object.entries(methods)) {
      this.claim(this.owners, area, name);
      this.table[name as MethodName] = handler;
    }
    return this;
  }

  addSteps(area: string, steps: { [M in MethodName]?: MethodSteps<M> }): this {
    for (const [name, step] of Object.entries(steps)) {
      this.claim(this.stepOwners, area, name);
      this.steps[name as MethodName] = step as AnySteps;
    }
    return this;
  }

  private claim(owners: Map<string, string>, area: string, name: string): void {
    const owner = owners.get(name);
    if (owner !== undefined) throw new Error(`The API method ${name} is registered by both ${owner} and ${area}`);
    if (!(name in contract)) throw new Error(`${area} registers ${name}, which the contract does not have`);
    owners.set(name, area);
  }

  /**
   * The steps a call with this input takes, or null when it is synchronous only. */
  stepsFor<M extends MethodName>(method: M, input: ParsedInput<M>): MethodSteps<M> | null {
    const steps = this.steps[method] as MethodSteps<M> | undefined;
    if (!steps) return null;
    return !steps.when || steps.when(input) ? steps : null;
  }

  /**
   * The whole handler table, once every area is in. A method answered only by its steps (a
   * backup) gets a synchronous part that is never reached: the sync door refuses it first.
   */
  complete(): Handlers {
    const missing = Object.keys(contract).filter((name) => !this.owners.has(name) && !this.stepOwners.has(name));
    if (missing.length) throw new Error(`No area answers ${missing.join(', ')}`);
    for (const name of this.stepOwners.keys()) {
      if (!this.owners.has(name)) {
        this.table[name as MethodName] = () => {
          throw new UserError('needs_async', `${name} runs in steps; call it through dispatchAsync`, []);
        };
      }
    }
    return this.table as Handlers;
  }
}
