import { Testing } from "cdktf";

// Registers cdktf's matchers (toHaveResourceWithProperties, toBeValidTerraform, …).
Testing.setupJest();
