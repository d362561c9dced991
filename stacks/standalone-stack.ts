import { App, TerraformStack } from "cdktf";

/**
 * The base of govcloud's stacks. Before synthesizing, cdktf resolves every value of every stack
 * one extra time, only to find references from one stack to another (which it turns into outputs
 * and remote state). govcloud's stacks never refer to each other: each is built alone in an App of
 * its own (artifact/stack-builder.ts), where such a reference could not be resolved anyway. For a
 * stack alone in its App that pass finds nothing and costs a quarter of the synthesis, so it is
 * skipped; in an App holding several stacks (`cdktf synth`) it runs as cdktf runs it.
 */
export abstract class StandaloneStack extends TerraformStack {
  override prepareStack(): void {
    const stacks = App.of(this).node.children.filter((child) => TerraformStack.isStack(child));
    if (stacks.length > 1) {
      super.prepareStack();
      return;
    }
    this.ensureBackendExists();
  }
}
