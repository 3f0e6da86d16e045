'use strict'
// Values serverless.yml computes per stage. osls calls each exported
// function with `resolveVariable`, which reads other variables such as
// `param:city`.

const { loadCityRules } = require('./city-rules.cjs')
const { cloudFormationRoles } = require('./iam.cjs')
const { cloudFormationResources } = require('./tables.cjs')

/**
 * Returns the stage's city id after loading its rules, so packaging fails
 * for an unknown city or rules that do not pass the schema.
 */
async function validatedCity({ resolveVariable }) {
  const city = await resolveVariable('param:city')
  loadCityRules(city)
  return city
}

/** Returns the tables and the per-function IAM roles. */
async function resources({ resolveVariable }) {
  const [service, stage, tablePrefix, secretsParameter, smsSender] =
    await Promise.all([
      resolveVariable('self:service'),
      resolveVariable('sls:stage'),
      resolveVariable('param:tablePrefix'),
      resolveVariable('param:secretsParameter'),
      resolveVariable('param:smsSender'),
    ])
  return {
    ...cloudFormationResources(tablePrefix),
    ...cloudFormationRoles({ service, stage, secretsParameter, smsSender }),
  }
}

module.exports = { validatedCity, resources }
