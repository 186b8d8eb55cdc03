//! The scenario's `pricing` key as written: a teacher's own Region or negotiated rates, in US
//! dollars per hour, each one optional (what is left out keeps the built-in us-east-1 price).
//! A simulator key: AWS has no such object. Strict: an unknown key is an error at its path.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `pricing`: overrides of the built-in price catalogue (`crate::catalog::prices`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PricingSpec {
    /// A label for the prices, shown beside every total (`eu-west-1`, `negotiated 2026`); at
    /// most [`super::resolve::MAX_REGION_CHARS`] characters. Default `us-east-1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Fargate rates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fargate: Option<FargatePricingSpec>,
    /// Fargate Spot's discount off the Fargate price, percent (0–100; default 70).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fargate_spot_discount_percent: Option<u32>,
    /// EC2 On-Demand price per instance-hour, by instance type (`"m5.large": 0.107`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ec2_on_demand_hour: BTreeMap<String, f64>,
    /// Application Load Balancer price per ALB-hour (the hourly part only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alb_hour: Option<f64>,
}

/// `pricing.fargate`: dollars per hour.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FargatePricingSpec {
    /// Linux/x86, per vCPU-hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vcpu_hour: Option<f64>,
    /// Linux/x86, per GB-hour of memory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gb_hour: Option<f64>,
    /// Linux/ARM, per vCPU-hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arm_vcpu_hour: Option<f64>,
    /// Linux/ARM, per GB-hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arm_gb_hour: Option<f64>,
    /// Windows/x86, per vCPU-hour (without the license fee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub windows_vcpu_hour: Option<f64>,
    /// Windows/x86, per GB-hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub windows_gb_hour: Option<f64>,
    /// The Windows OS license fee, per vCPU-hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub windows_license_vcpu_hour: Option<f64>,
    /// Ephemeral storage above the 20 GiB included, per GB-hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_storage_gb_hour: Option<f64>,
}
