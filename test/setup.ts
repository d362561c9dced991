import { Testing } from "cdktf";

// Registers cdktf's matchers (toHaveResourceWithProperties, toBeValidTerraform, …).
Testing.setupJest();
// Brings the matchers' type declarations into the type-check.
import "cdktf/lib/testing/adapters/jest";
